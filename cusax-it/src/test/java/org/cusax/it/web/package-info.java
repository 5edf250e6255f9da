/** The web client (issue 11) in a real browser: headless Chromium driven by Selenium, against the sandbox. */
package org.cusax.it.web;
