package org.jinlin.accounts;

import java.time.Instant;

/**
 * An administrator enabled or disabled an account or reset its password.
 *
 * @param change {@code ENABLED}, {@code DISABLED} or {@code PASSWORD_RESET}
 */
public record AccountStatusChanged(String username, String territoryPath, String change, String changedBy,
		Instant at) {
}
