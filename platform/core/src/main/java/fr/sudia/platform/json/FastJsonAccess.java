package fr.sudia.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Jackson reads and writes properties through generated lambdas instead of reflection (the Blackbird module): the
 * services' JSON answers are lists of records, where reflective accessor calls are a visible part of a call's
 * time. The JSON is unchanged.
 */
@Singleton
public class FastJsonAccess implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new BlackbirdModule());
    }
}
