/**
 * {@code cusax admin}: the provider's commands: the user directory (users, numbers, passwords, CSV import)
 * and the HTTPS provisioning server ({@code cusax admin serve}).
 */
package org.cusax.app.cli.admin;
