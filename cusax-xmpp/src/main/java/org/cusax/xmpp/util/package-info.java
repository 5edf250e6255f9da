/** Small helpers shared by the adapter's packages. */
package org.cusax.xmpp.util;
