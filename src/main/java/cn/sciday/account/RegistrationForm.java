package cn.sciday.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.sciday.organization.UnitRegistration;
import cn.sciday.organization.UnitType;

/** A unit's self-registration: the unit, its 归口, and the organizer account that will act for it. */
record RegistrationForm(
        @NotBlank(message = "{account.register.name.required}") @Size(max = 100, message = "{account.register.name.size}") String name,
        @NotNull(message = "{account.register.unitType.required}") UnitType unitType,
        @NotBlank(message = "{account.register.creditCode.required}") String creditCode,
        @NotNull(message = "{account.register.parent.required}") Long parentId,
        @NotBlank(message = "{account.register.contactName.required}") @Size(max = 50, message = "{account.register.contactName.size}") String contactName,
        @NotBlank(message = "{account.register.contactPhone.required}")
        @Pattern(regexp = "^[0-9０-９()（）\\- ]{7,20}$", message = "{account.register.contactPhone.invalid}") String contactPhone,
        @Size(max = 200, message = "{account.register.address.size}") String address,
        @NotBlank(message = "{account.register.username.required}") String username,
        @NotBlank(message = "{account.register.displayName.required}") @Size(max = 50, message = "{account.register.displayName.size}") String displayName,
        @NotBlank(message = "{account.register.password.required}") String password,
        @NotBlank(message = "{account.register.confirm.required}") String confirm) {

    static RegistrationForm empty() {
        return new RegistrationForm("", null, "", null, "", "", "", "", "", "", "");
    }

    UnitRegistration unit() {
        return new UnitRegistration(name, unitType, creditCode, contactName, contactPhone, address, parentId);
    }
}
