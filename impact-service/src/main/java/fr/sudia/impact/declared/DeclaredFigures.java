package fr.sudia.impact.declared;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import fr.sudia.impact.indicator.Indicator;
import fr.sudia.impact.indicator.Indicators;
import fr.sudia.platform.concurrency.Versions;
import io.quarkus.panache.common.Sort;
import fr.sudia.impact.publication.ReadModelVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

/** Admins' declared figures, checked before anything is stored. */
@ApplicationScoped
public class DeclaredFigures {

    private final Indicators indicators;
    private final Clock clock;
    private final ReadModelVersion readModel;

    DeclaredFigures(Indicators indicators, Clock clock, ReadModelVersion readModel) {
        this.indicators = indicators;
        this.clock = clock;
        this.readModel = readModel;
    }

    public List<DeclaredFigure> of(String indicatorId) {
        return DeclaredFigure.list("indicatorId", Sort.by("periodEnd").and("periodStart").and("id"), indicatorId);
    }

    public DeclaredFigure find(UUID id) {
        return DeclaredFigure.<DeclaredFigure>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("No declared figure " + id + "."));
    }

    @Transactional
    public DeclaredFigure declare(DeclaredFigureForm form) {
        String indicatorId = form.indicatorId();
        Indicator indicator = indicators.find(indicatorId);
        check(indicator, form);
        DeclaredFigure figure = new DeclaredFigure();
        figure.id = UUID.randomUUID();
        figure.indicatorId = indicatorId;
        figure.version = 0;
        write(figure, form);
        figure.persist();
        readModel.bump();
        return figure;
    }

    @Transactional
    public DeclaredFigure update(UUID id, long expectedVersion, DeclaredFigureForm form) {
        DeclaredFigure figure = find(id);
        if (!figure.indicatorId.equals(form.indicatorId())) {
            throw new BadRequestException("indicatorId: a declared figure stays with its indicator (" + figure.indicatorId + ").");
        }
        check(indicators.find(figure.indicatorId), form);
        Versions.requireCurrent("Declared figure " + id, figure.version, expectedVersion);
        figure.version++;
        write(figure, form);
        readModel.bump();
        return figure;
    }

    @Transactional
    public void delete(UUID id, long expectedVersion) {
        DeclaredFigure figure = find(id);
        Versions.requireCurrent("Declared figure " + id, figure.version, expectedVersion);
        figure.delete();
        readModel.bump();
    }

    private void write(DeclaredFigure figure, DeclaredFigureForm form) {
        figure.value = form.value();
        figure.unit = form.unit().strip();
        figure.periodStart = form.periodStart();
        figure.periodEnd = form.periodEnd();
        figure.scopeFr = form.scopeFr();
        figure.scopeEn = form.scopeEn();
        figure.source = form.source();
        figure.updatedAt = OffsetDateTime.now(clock);
    }

    private static void check(Indicator indicator, DeclaredFigureForm form) {
        List<String> problems = new ArrayList<>();
        if (!form.unit().strip().equals(indicator.unit)) {
            problems.add("unit: must be the indicator's unit (" + indicator.unit + "), not " + form.unit());
        }
        if (form.periodEnd().isBefore(form.periodStart())) {
            problems.add("periodEnd: must not be before periodStart");
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems) + ".");
        }
    }
}
