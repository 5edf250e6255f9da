/** Immutable vcard-temp elements: the vCard IQ with its TELs (XEP-0054) and the presence update (XEP-0153). */
package org.cusax.xmpp.vcardtemp.element;
