/**
 * Accounts, roles, API keys and sign-in: who may act, bound to which node of the territory.
 * Administration through {@link org.jinlin.accounts.AccountManagement} (administrators only, inside
 * their jurisdiction); the first administrator of an installation is created by the bootstrap
 * command ({@code --jinlin.bootstrap-admin.username}, password from {@code JINLIN_BOOTSTRAP_ADMIN_PASSWORD}).
 * Publishes {@link org.jinlin.accounts.SignedIn}, {@link org.jinlin.accounts.SignInFailed},
 * {@link org.jinlin.accounts.AccountPermissionsChanged}, {@link org.jinlin.accounts.AccountStatusChanged},
 * {@link org.jinlin.accounts.ApiKeyIssued} and {@link org.jinlin.accounts.ApiKeyRevoked} for the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.jinlin.accounts;
