package fr.sudia.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Set;
import java.util.stream.Collectors;

/** Reads an event's JSON data into the consumer's contract type; a document that breaks the contract is poison. */
@ApplicationScoped
public class EventData {

    private final ObjectMapper objectMapper;
    private final Validator validator;

    EventData(ObjectMapper objectMapper, Validator validator) {
        this.objectMapper = objectMapper;
        this.validator = validator;
    }

    public <T> T read(CloudEvent event, Class<T> contract) {
        if (event.data() == null) {
            throw new PoisonEventException("event " + event.id() + " of type " + event.type() + " has no data");
        }
        T data;
        try {
            data = objectMapper.readValue(event.data(), contract);
        } catch (Exception e) {
            throw new PoisonEventException("event " + event.id() + " of type " + event.type()
                    + " has unreadable data: " + e.getMessage(), e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new PoisonEventException("event " + event.id() + " of type " + event.type() + " breaks its contract: "
                    + violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                            .collect(Collectors.joining(", ")));
        }
        return data;
    }
}
