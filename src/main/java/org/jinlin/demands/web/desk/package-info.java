/**
 * The staff pages of the demands module: the live work queue, a demand's detail with every action of the
 * closed loop, search and Excel export, raising on a resident's behalf, and the administration of the
 * category catalogue and the holiday calendar. All rules live in the services of {@code org.jinlin.demands.internal}.
 */
package org.jinlin.demands.web.desk;
