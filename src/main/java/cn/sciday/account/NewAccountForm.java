package cn.sciday.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.sciday.web.Role;

/**
 * A coordinator or city admin account as the city admin creates it (page form and API body). The password policy
 * itself ({@link PasswordPolicy}) is checked by {@link Accounts}.
 */
record NewAccountForm(
        @NotBlank(message = "{accountadmin.form.username.required}")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{2,63}", message = "{accountadmin.form.username.pattern}")
        String username,
        @NotBlank(message = "{accountadmin.form.displayName.required}")
        @Size(max = 100, message = "{accountadmin.form.displayName.size}") String displayName,
        @Email(message = "{accountadmin.form.email.invalid}")
        @Size(max = 200, message = "{accountadmin.form.email.size}") String email,
        @NotNull(message = "{accountadmin.form.role.required}") Role role,
        @NotNull(message = "{accountadmin.form.organizationId.required}") Long organizationId,
        @NotBlank(message = "{accountadmin.form.password.required}")
        @Size(min = 10, max = 128, message = "{accountadmin.form.password.size}") String password) {

    static NewAccountForm empty() {
        return new NewAccountForm("", "", "", Role.COORDINATOR, null, "");
    }
}
