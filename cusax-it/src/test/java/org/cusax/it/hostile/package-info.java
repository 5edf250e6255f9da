/** The client under hostile network input, against real servers (issue 14). */
package org.cusax.it.hostile;
