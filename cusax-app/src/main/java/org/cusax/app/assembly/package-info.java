/**
 * The composition root: builds the adapters and the core client from a {@link
 * org.cusax.core.config.ClientConfig} by constructor injection. The only place that names both the
 * Smack and the JAIN-SIP adapter.
 */
package org.cusax.app.assembly;
