package fr.sudia.funding;

import org.junit.jupiter.api.Test;

import fr.sudia.funding.request.RequestDesk;
import fr.sudia.funding.scheme.SchemeCatalogue;
import fr.sudia.platform.testing.EventContracts;

/** The examples the desk's contracts give consumers are valid events themselves, with every property. */
class EventContractExamplesTest {

    @Test
    void theExamplesOfEachTopicMeetTheirOwnSchema() {
        for (String topic : new String[] { RequestDesk.TOPIC, SchemeCatalogue.TOPIC, fr.sudia.funding.scheme.SchemeMatches.TOPIC }) {
            for (String example : EventContracts.examples(topic)) {
                EventContracts.assertValid(topic, example);
                EventContracts.assertCarriesExactly(topic, example);
            }
        }
    }
}
