package cn.sciday.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a unit fills in to register itself under a division or department (its 归口). */
public record UnitRegistration(
        @NotBlank(message = "{unit.name.required}") @Size(max = 100, message = "{unit.name.size}") String name,
        @NotNull(message = "{unit.type.required}") UnitType unitType,
        @NotBlank(message = "{unit.creditCode.required}") String creditCode,
        @NotBlank(message = "{unit.contactName.required}") @Size(max = 50, message = "{unit.contactName.size}") String contactName,
        @NotBlank(message = "{unit.contactPhone.required}")
        @Pattern(regexp = "^[0-9０-９()（）\\- ]{7,20}$", message = "{unit.contactPhone.invalid}") String contactPhone,
        @Size(max = 200, message = "{unit.address.size}") String address,
        @NotNull(message = "{unit.parent.required}") Long parentId) {
}
