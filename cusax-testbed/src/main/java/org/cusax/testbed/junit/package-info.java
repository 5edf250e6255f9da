/**
 * JUnit 5 extension that starts a {@link org.cusax.testbed.Testbed} once per test class and always
 * stops it afterwards, even when a test or the start-up fails.
 */
package org.cusax.testbed.junit;
