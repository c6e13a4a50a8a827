/**
 * Accounts, roles, API keys and sign-in: who may act, bound to which node of the territory.
 * Administration of accounts and keys (administrators only, inside their jurisdiction) and sign-in with its
 * throttling per account name and source address (never a lock-out of the account itself) live inside ({@code internal}, pages and API in {@code web}); the first administrator of an
 * installation is created by the bootstrap command ({@code --jinlin.bootstrap-admin.username}, password from
 * {@code JINLIN_BOOTSTRAP_ADMIN_PASSWORD}).
 * <p>
 * API: {@link org.jinlin.accounts.AccountManagement} (unscoped look-ups of accounts by user name for other
 * modules), {@link org.jinlin.accounts.ApiKeys} (checks an API key of an {@link org.jinlin.accounts.ApiKeyPurpose}),
 * {@link org.jinlin.accounts.AccountBulkLoad} (creates {@link org.jinlin.accounts.AccountDraft}s and keys as a
 * trusted system load), {@link org.jinlin.accounts.ActorLabels} (the display name or label pages show for a stored
 * user name, the system or an API key). Publishes {@link org.jinlin.accounts.SignedIn}, {@link org.jinlin.accounts.SignInFailed},
 * {@link org.jinlin.accounts.SignInThrottled}, {@link org.jinlin.accounts.SignInThrottleCleared},
 * {@link org.jinlin.accounts.AccountPermissionsChanged}, {@link org.jinlin.accounts.AccountStatusChanged},
 * {@link org.jinlin.accounts.ApiKeyIssued}, {@link org.jinlin.accounts.ApiKeyRevoked} and
 * {@link org.jinlin.accounts.EnrolmentStepTaken} (an {@link org.jinlin.accounts.EnrolmentStep} of a resident's sign-up,
 * invitation or password reset) for the audit log.
 * Listens to the people module's {@code ResidentLinkedToAccount} (the demo's bulk link). Residents get accounts
 * themselves (sign-up with a one-time SMS code, matched to the register by name and the last six characters of the ID
 * number, or confirmed by a community worker), from staff (printed invitation with a QR code), and reset their
 * password by SMS code; the SMS gateway is an HTTP provider in {@code prod} and an outbox elsewhere.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts",
		allowedDependencies = { "territory", "people", "shared" })
package org.jinlin.accounts;
