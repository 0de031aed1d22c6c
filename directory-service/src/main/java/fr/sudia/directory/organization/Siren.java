package fr.sudia.directory.organization;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A valid SIREN (9 digits, Luhn); null is allowed, not every organization has one. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Siren.Validator.class)
public @interface Siren {

    String message() default "must be a valid SIREN: 9 digits with a correct check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Siren, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || CompanyNumbers.isValidSiren(value);
        }
    }
}
