/**
 * Configuration: the {@code cusax.conf} file format (documented key by key in
 * {@code docs/cusax.conf.reference}), its parser, and one typed settings class per feature.
 */
package org.cusax.core.config;
