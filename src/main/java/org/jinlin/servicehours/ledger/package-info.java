/** Database-side guards of the service ledger (the H2 trigger that keeps it append-only). */
package org.jinlin.servicehours.ledger;
