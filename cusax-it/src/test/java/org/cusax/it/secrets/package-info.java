/**
 * Issue 14 item 6: every file a test run writes is scanned for the test passwords' marker; the integration
 * tests' temporary directories are kept under {@code target/} until that scan has read them.
 */
package org.cusax.it.secrets;
