/**
 * vcard-temp (XEP-0054) for the sandbox's Vysper server: an in-memory store and an IQ handler that
 * answers vCards as XML, replacing Vysper 0.7's module (escaped text, no in-memory store).
 */
package org.cusax.sandbox.xmpp.vcard;
