package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hopfieldlab.batch.sweep.SeedPolicy;
import org.hopfieldlab.batch.sweep.SweepAxis;
import org.hopfieldlab.batch.sweep.SweepCost;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepPresets;
import org.hopfieldlab.batch.sweep.SweepTooLargeException;
import org.hopfieldlab.server.account.AppUser;
import org.hopfieldlab.server.security.CurrentUser;
import org.hopfieldlab.server.session.SessionService;
import org.hopfieldlab.server.sweep.SweepRecord;
import org.hopfieldlab.server.sweep.SweepService;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;

/** Define a sweep (cost estimated live, refused beyond the limits) and list the user's sweeps. */
@Route("sweeps")
@PageTitle("Sweeps · Hopfield Lab")
@PermitAll
public class SweepsView extends VerticalLayout implements BeforeEnterObserver {
    private final SweepService sweeps;
    private final AppUser user;
    private final ComboBox<SweepPresets.SweepPreset> preset = new ComboBox<>("Start from");
    private final TextField title = new TextField("Title");
    private final TextField base = new TextField("Base spec");
    private final TextField x = new TextField("Axis 1");
    private final TextField y = new TextField("Axis 2 (optional)");
    private final IntegerField trials = new IntegerField("Trials per cell");
    private final Select<SeedPolicy> seeds = new Select<>();
    private final Span estimate = new Span();
    private final Grid<SweepRecord> grid = new Grid<>();
    private final Span caps = new Span();
    private List<SweepRecord> shown = List.of();
    private Registration polling;

    /** Quiet time after the last keystroke before the estimate is recomputed. */
    static final int ESTIMATE_DEBOUNCE_MS = 600;
    /** How often the list of sweeps refreshes while the page is open. */
    static final int LIST_REFRESH_MS = 2000;

    public SweepsView(SweepService sweeps, CurrentUser currentUser) {
        this.sweeps = sweeps;
        this.user = currentUser.require();
        addClassName("page");
        setSizeFull();

        preset.setItems(SweepPresets.all());
        preset.setItemLabelGenerator(SweepPresets.SweepPreset::title);
        preset.setId("sweep-preset");
        preset.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                fill(e.getValue());
            }
        });
        base.setId("sweep-base");
        base.setHelperText("Any lab spec or lab link");
        x.setId("sweep-x");
        x.setHelperText("key=v1,v2,… or key=from:to:count, e.g. noise=0,2,4,8");
        y.setId("sweep-y");
        y.setHelperText("e.g. model=idp,classic or a1=0.05:0.3:6");
        trials.setId("sweep-trials");
        trials.setMin(1);
        trials.setStepButtonsVisible(true);
        seeds.setLabel("Seeds");
        seeds.setItems(SeedPolicy.values());
        seeds.setItemLabelGenerator(s -> s == SeedPolicy.SAME ? "Same seed in every cell" : "A new seed per cell");
        seeds.setValue(SeedPolicy.SAME);
        title.setId("sweep-title");
        // debounced: the estimate runs once typing pauses for ESTIMATE_DEBOUNCE_MS, and is O(axes) (no cell is built)
        for (TextField f : new TextField[] {base, x, y, title}) {
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.setValueChangeTimeout(ESTIMATE_DEBOUNCE_MS);
            f.addValueChangeListener(e -> estimate());
        }
        trials.setValueChangeMode(ValueChangeMode.LAZY);
        trials.setValueChangeTimeout(ESTIMATE_DEBOUNCE_MS);
        trials.addValueChangeListener(e -> estimate());
        seeds.addValueChangeListener(e -> estimate());

        FormLayout form = new FormLayout();
        form.add(preset, title, base, x, y, trials, seeds);
        form.setColspan(base, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        estimate.setId("sweep-estimate");
        estimate.addClassName("estimate");
        Button run = new Button("Run sweep", VaadinIcon.PLAY.create(), e -> run());
        run.setId("sweep-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        caps.setId("sweep-caps");
        caps.addClassName("caps");
        caps.setText(sweeps.capsText());
        VerticalLayout card = new VerticalLayout(new H3("New sweep"), form, estimate, caps, run);
        card.addClassName("card");
        card.setWidthFull();

        grid.addColumn(SweepRecord::title).setHeader("Sweep").setFlexGrow(3);
        grid.addColumn(r -> axesOf(r.definition())).setHeader("Axes").setFlexGrow(3);
        grid.addComponentColumn(r -> SweepDetailView.badge(r.status())).setHeader("Status").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.cellsDone() + " / " + r.cellsTotal()).setHeader("Cells").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> SessionsView.WHEN.format(r.createdAt())).setHeader("Started").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setId("sweeps-grid");
        grid.setHeight("320px");
        refreshList();

        add(new H2("Sweeps"), new Paragraph("Heavy runs on the server's " + sweeps.threads()
                + " worker threads: cells run in parallel and are saved as they finish, so a restart loses none."),
                card, new H3("My sweeps"), grid);
        preset.setValue(SweepPresets.get("noise"));
    }

    /** Re-reads the list; redraws the grid only when something changed (status, cells), so scrolling survives. */
    private void refreshList() {
        List<SweepRecord> now = sweeps.list(user.id());
        if (!now.equals(shown)) {
            shown = now;
            grid.setItems(now);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(LIST_REFRESH_MS);
        polling = ui.addPollListener(e -> refreshList());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
    }

    /** {@code /sweeps?base=SPEC}: a sweep of that experiment (from the lab's Sweep button). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> given = event.getLocation().getQueryParameters().getParameters().get("base");
        if (given != null && !given.isEmpty()) {
            preset.clear();
            title.setValue("Noise sweep of my experiment");
            base.setValue(given.get(0));
            x.setValue("noise=0,2,4,8");
            y.setValue("");
            trials.setValue(10);
            estimate();
        }
    }

    static String axesOf(String definition) {
        try {
            SweepDefinition d = SweepDefinition.parse(definition);
            String s = d.x().key() + " (" + d.x().size() + ")";
            return d.y() == null ? s : s + " × " + d.y().key() + " (" + d.y().size() + ")";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private void fill(SweepPresets.SweepPreset p) {
        SweepDefinition d = p.definition();
        title.setValue(p.title());
        base.setValue(SpecCodec.format(d.base()));
        x.setValue(d.x().format());
        y.setValue(d.y() == null ? "" : d.y().format());
        trials.setValue(d.trialsPerCell());
        seeds.setValue(d.seeds());
        estimate();
    }

    /** Builds the definition, putting each problem next to its field; null when something is wrong. */
    private SweepDefinition definition() {
        for (var f : List.of(base, x, y)) {
            f.setInvalid(false);
        }
        trials.setInvalid(false);
        ExperimentSpec spec;
        try {
            spec = SpecCodec.parse(SessionService.canonical(base.getValue()));
        } catch (SpecException e) {
            return fail(base, e.getMessage());
        }
        List<SweepAxis> axes = new ArrayList<>();
        try {
            axes.add(SweepAxis.parse(x.getValue()));
        } catch (SpecException e) {
            return fail(x, e.getMessage());
        }
        if (!y.getValue().isBlank()) {
            try {
                axes.add(SweepAxis.parse(y.getValue()));
            } catch (SpecException e) {
                return fail(y, e.getMessage());
            }
        }
        if (trials.getValue() == null) {
            trials.setErrorMessage("trials per cell: a whole number from 1");
            trials.setInvalid(true);
            return null;
        }
        try {
            return new SweepDefinition(spec, axes, trials.getValue(), seeds.getValue());
        } catch (SpecException e) {
            if (e.key().equals("trials")) {
                trials.setErrorMessage(e.getMessage());
                trials.setInvalid(true);
                return null;
            }
            boolean onY = axes.size() > 1 && (axes.get(1).key().equals(e.key())
                    || e.getMessage().contains(axes.get(1).key() + "="));
            return fail(onY ? y : x, e.getMessage());
        }
    }

    private SweepDefinition fail(TextField f, String message) {
        f.setErrorMessage(message);
        f.setInvalid(true);
        estimate.setText("");
        return null;
    }

    /**
     * The cost line, from the axes alone ({@code SweepLimits.check(base, axes, trials)}, O(|x| + |y|)): no cell is
     * built while typing; the cells are built once, on Run.
     */
    private SweepCost estimate() {
        for (var f : List.of(base, x, y)) {
            f.setInvalid(false);
        }
        trials.setInvalid(false);
        ExperimentSpec spec;
        try {
            spec = SpecCodec.parse(SessionService.canonical(base.getValue()));
        } catch (SpecException e) {
            fail(base, e.getMessage());
            return null;
        }
        List<SweepAxis> axes = new ArrayList<>();
        try {
            axes.add(SweepAxis.parse(x.getValue()));
        } catch (SpecException e) {
            fail(x, e.getMessage());
            return null;
        }
        if (!y.getValue().isBlank()) {
            try {
                axes.add(SweepAxis.parse(y.getValue()));
            } catch (SpecException e) {
                fail(y, e.getMessage());
                return null;
            }
        }
        if (trials.getValue() == null || trials.getValue() < 1) {
            trials.setErrorMessage("trials per cell: a whole number from 1");
            trials.setInvalid(true);
            return null;
        }
        try {
            SweepCost c = sweeps.limits().check(spec, axes, trials.getValue());
            estimate.setText(String.format(Locale.ROOT, "%d cells × %d trials = %d runs · about %s on %d threads",
                    c.cells(), trials.getValue(), c.runs(), duration(c.estimatedSeconds(sweeps.threads())),
                    sweeps.threads()));
            estimate.removeClassName("refused");
            return c;
        } catch (SweepTooLargeException e) {
            estimate.setText("Refused: " + e.getMessage());
            estimate.addClassName("refused");
            trials.setErrorMessage(e.getMessage());
            trials.setInvalid(true);
            return null;
        } catch (SpecException e) {
            boolean onY = axes.size() > 1 && (axes.get(1).key().equals(e.key())
                    || e.getMessage().startsWith(axes.get(1).key() + "="));
            fail(onY ? y : x, e.getMessage());
            return null;
        }
    }

    static String duration(double secs) {
        if (secs < 60) {
            return Math.max(1, Math.round(secs)) + " s";
        }
        long s = Math.round(secs);
        return s >= 3600 ? (s / 3600) + " h " + (s % 3600) / 60 + " min" : (s / 60) + " min " + (s % 60) + " s";
    }

    private void run() {
        if (estimate() == null) {
            return;
        }
        SweepDefinition d = definition();
        if (d == null) {
            return;
        }
        long id;
        try {
            id = sweeps.start(user.id(), title.getValue(), d);
        } catch (SweepService.QuotaException | SweepTooLargeException e) {
            // over a cap, or the exact cost of the built cells is over a limit the axis estimate passed
            estimate.setText("Refused: " + e.getMessage());
            estimate.addClassName("refused");
            return;
        }
        open(id);
    }

    private void open(long id) {
        getUI().ifPresent(ui -> ui.navigate(SweepDetailView.class, new RouteParameters("id", Long.toString(id))));
    }
}
