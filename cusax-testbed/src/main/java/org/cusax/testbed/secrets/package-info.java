/**
 * Test passwords that carry a recognisable marker, and the scan that fails a run when the marker turns up in
 * a log, report or other file the run wrote (issue 14: no secret in any log).
 */
package org.cusax.testbed.secrets;
