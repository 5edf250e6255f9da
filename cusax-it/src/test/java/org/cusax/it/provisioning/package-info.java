/** The provider kit against real servers: the user directory on PostgreSQL feeding Kamailio (issue 12). */
package org.cusax.it.provisioning;
