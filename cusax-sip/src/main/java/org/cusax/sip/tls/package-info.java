/**
 * Our TLS policy for SIP over TLS, replacing JAIN-SIP's defaults (which trust every certificate, check
 * no host name and allow TLS 1.0): TLS 1.2+ only, strong cipher suites, the certificate chain checked
 * against the configured trust store and the certificate checked for the SIP <em>domain</em> as RFC
 * 5922 §7 says (subjectAltName URI {@code sip:domain} or dNSName, no wildcards), with a clear reason
 * when it fails.
 */
package org.cusax.sip.tls;
