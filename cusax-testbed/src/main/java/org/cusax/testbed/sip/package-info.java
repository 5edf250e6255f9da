/**
 * Independent SIP probes for tests: a minimal UDP client (OPTIONS, REGISTER with MD5 or SHA-256
 * digest) and sipp runs of the scenarios shipped with this module (register, an answering UA).
 */
package org.cusax.testbed.sip;
