/**
 * Call routing: from what the user asked to call (a contact, a URI, a number) and the accounts able to
 * carry calls, decide to call at once, ask which account or which number, or say clearly why not.
 */
package org.cusax.core.routing;
