package fr.sudia.directory.organization;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A valid SIRET (14 digits, Luhn, or La Poste's digit-sum rule); null is allowed. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Siret.Validator.class)
public @interface Siret {

    String message() default "must be a valid SIRET: 14 digits with a correct check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Siret, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || CompanyNumbers.isValidSiret(value);
        }
    }
}
