/** The application's commands run end to end: the main job (demo) and the CLI against real servers. */
package org.cusax.it.app;
