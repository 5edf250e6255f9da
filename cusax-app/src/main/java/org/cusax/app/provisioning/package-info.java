/**
 * The HTTPS and DNS adapters of client provisioning and discovery: the provisioning request (wire
 * contract v1, {@code java.net.http}), the well-known URL, and dnsjava look-ups.
 */
package org.cusax.app.provisioning;
