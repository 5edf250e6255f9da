/**
 * Shared by cusax-sip's and cusax-sandbox's call tests through the cusax-sip test-jar: two of our
 * ports calling each other through a real proxy, and checks on the audio a call recorded.
 */
package org.cusax.sip.testing;
