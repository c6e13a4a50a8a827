/**
 * The spreadsheet import/export engine: reading {@code .xlsx} and {@code .csv} files against a declared
 * {@link org.jinlin.shared.spreadsheet.SpreadsheetSchema}, collecting every row error with the row and
 * column the user sees in Excel, writing error reports, templates and exports, and running
 * all-or-nothing {@link org.jinlin.shared.spreadsheet.ImportJobs import jobs} with progress that any
 * instance can show. Modules implement {@link org.jinlin.shared.spreadsheet.ImportHandler}.
 */
package org.jinlin.shared.spreadsheet;
