/**
 * Incoming SIP requests, one processor per method (OPTIONS, INVITE, ACK, BYE, CANCEL, SUBSCRIBE,
 * PUBLISH, NOTIFY, MESSAGE), chosen by a dispatcher that answers 405 for known methods we do not
 * allow and 501 for unknown ones. What we allow follows the account's feature switches (CUSAX: the
 * SIP account does calls; IM and presence live on XMPP unless switched on).
 */
package org.cusax.sip.processor;
