/**
 * The alarm desk's pages: the live queue (server-sent events, with sound), an alarm with the elder's protocol and
 * the responder's buttons, the elder's one-tap help page, the duty roster and the monthly report.
 */
package org.jinlin.alarms.desk;
