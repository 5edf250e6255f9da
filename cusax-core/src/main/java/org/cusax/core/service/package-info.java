/**
 * The CUSAX service: one SIP account explicitly linked to one XMPP account, shown to the user as the
 * two halves "Telephony" and "Chat".
 */
package org.cusax.core.service;
