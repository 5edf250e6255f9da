/**
 * Trust material shared by both halves: the CA certificates an account trusts (PEM, PKCS#12, JKS or
 * the system store), turned into the JDK's PKIX trust manager. Host-name rules stay in each adapter.
 */
package org.cusax.core.tls;
