/**
 * Client provisioning (RFC 7081 §2): the provisioning document, its validation against the config
 * format, the configuration kept from it, and re-provisioning when its version changes.
 */
package org.cusax.core.provisioning;
