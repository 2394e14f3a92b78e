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
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
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
import org.hopfieldlab.batch.sweep.SweptKeys;
import org.hopfieldlab.batch.sweep.SweepPresets;
import org.hopfieldlab.batch.sweep.SweepTooLargeException;
import org.hopfieldlab.server.account.AppUser;
import org.hopfieldlab.server.security.CurrentUser;
import org.hopfieldlab.server.session.SessionService;
import org.hopfieldlab.server.sweep.SweepRecord;
import org.hopfieldlab.server.sweep.SweepService;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Numbers;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;
import org.hopfieldlab.sim.spec.SpecKey;
import org.hopfieldlab.sim.spec.SpecSchema;
import org.hopfieldlab.server.session.LabSession;

/**
 * Define a sweep (cost estimated live, refused beyond the limits) and list the user's sweeps. The form is built from
 * the core's key table: each axis key is picked from the keys that apply to the base spec (with their labels, units
 * and ranges), its values are checked against that key's range with the message under the axis that is wrong, and
 * the base spec comes from a saved session, a lab preset or a pasted lab link.
 */
@Route("sweeps")
@PageTitle("Sweeps · Hopfield Lab")
@PermitAll
public class SweepsView extends VerticalLayout implements BeforeEnterObserver {
    private final SweepService sweeps;
    private final AppUser user;
    private final ComboBox<SweepPresets.SweepPreset> preset = new ComboBox<>("Start from");
    private final TextField title = new TextField("Title");
    private final ComboBox<BaseChoice> baseFrom = new ComboBox<>("Base experiment");
    private final TextField base = new TextField("Base spec");
    private final ComboBox<AxisKey> xKey = new ComboBox<>("Axis 1: key");
    private final TextField x = new TextField("Axis 1: values");
    private final ComboBox<AxisKey> yKey = new ComboBox<>("Axis 2: key (optional)");
    private final TextField y = new TextField("Axis 2: values");
    private final IntegerField trials = new IntegerField("Trials per cell");
    private final Select<SeedPolicy> seeds = new Select<>();
    private final Span estimate = new Span();
    private final Grid<SweepRecord> grid = new Grid<>();
    private final Span caps = new Span();
    /** Off while the form's input is refused, with the reason beside it ({@link #runWhy}). */
    private final Button run = new Button("Run sweep", VaadinIcon.PLAY.create(), e -> run());
    private final Span runWhy = new Span();
    private List<SweepRecord> shown = List.of();
    private Registration polling;

    /** Quiet time after the last keystroke before the estimate is recomputed. */
    static final int ESTIMATE_DEBOUNCE_MS = 600;
    /** How often the list of sweeps refreshes while the page is open. */
    static final int LIST_REFRESH_MS = 2000;

    public SweepsView(SweepService sweeps, SessionService sessions, CurrentUser currentUser) {
        this.sweeps = sweeps;
        this.user = currentUser.require();
        List<BaseChoice> bases = new ArrayList<>();
        for (LabSession s : sessions.list(user.id(), "")) {
            bases.add(new BaseChoice("Session: " + s.title(), s.spec()));
        }
        for (Presets.Preset p : Presets.all()) {
            bases.add(new BaseChoice("Preset: " + p.title(), SpecCodec.format(p.spec())));
        }
        baseFrom.setItems(bases);
        baseFrom.setItemLabelGenerator(BaseChoice::label);
        baseFrom.setId("sweep-base-from");
        baseFrom.setHelperText("A saved session or a lab preset; or paste any spec or lab link below");
        baseFrom.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                base.setValue(e.getValue().spec());
            }
        });
        for (ComboBox<AxisKey> k : List.of(xKey, yKey)) {
            k.setItemLabelGenerator(AxisKey::title);
            k.addValueChangeListener(e -> {
                k.setHelperText(e.getValue() == null ? "" : e.getValue().help());
                (k == xKey ? x : y).setHelperText(valuesHelp(e.getValue()));
                estimate();
            });
        }
        xKey.setId("sweep-x-key");
        yKey.setId("sweep-y-key");
        yKey.setClearButtonVisible(true);
        addClassName("page");
        setSizeFull();

        preset.setItems(SweepPresets.all());
        preset.setItemLabelGenerator(SweepPresets.SweepPreset::title);
        preset.setId("sweep-preset");
        preset.addValueChangeListener(e -> {
            // what the preset measures, under its name (the form below only shows its keys and values)
            preset.setHelperText(e.getValue() == null ? "" : e.getValue().description());
            if (e.getValue() != null) {
                fill(e.getValue());
            }
        });
        base.setId("sweep-base");
        base.setHelperText(BASE_HELP);
        x.setId("sweep-x");
        y.setId("sweep-y");
        base.addValueChangeListener(e -> updateKeys());
        // "key=values" typed or pasted into a values field (the CLI's --x form) picks the key too
        x.addValueChangeListener(e -> splitAxis(xKey, x));
        y.addValueChangeListener(e -> splitAxis(yKey, y));
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
        form.add(preset, title, baseFrom, base, xKey, x, yKey, y, trials, seeds);
        form.setColspan(base, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        estimate.setId("sweep-estimate");
        estimate.addClassName("estimate");
        run.setId("sweep-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runWhy.setId("sweep-run-why");
        runWhy.addClassName("form-error");
        HorizontalLayout runRow = new HorizontalLayout(run, runWhy);
        runRow.setAlignItems(FlexComponent.Alignment.CENTER);
        runRow.getStyle().set("flex-wrap", "wrap");
        caps.setId("sweep-caps");
        caps.addClassName("caps");
        caps.setText((sweeps.capsText() + " " + sweeps.sparkText()).trim());
        VerticalLayout card = new VerticalLayout(new H3("New sweep"), form, estimate, caps, runRow);
        card.addClassName("card");
        card.setId("sweep-new");
        card.setWidthFull();

        // the title with its axes under it: on a phone both were cut to "Accura…" and "noise (…"
        grid.addComponentColumn(r -> SessionsView.twoLines(r.title(), axesOf(r.definition()))).setHeader("Sweep").setFlexGrow(1).setWidth("12rem").setTooltipGenerator(SweepRecord::title);
        grid.addComponentColumn(r -> SweepDetailView.badge(r.status())).setHeader("Status").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.cellsDone() + " / " + r.cellsTotal()).setHeader("Cells").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> SessionsView.WHEN.format(r.createdAt())).setHeader("Started").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setId("sweeps-grid");
        grid.setAllRowsVisible(true); // as tall as its rows, up to a limit in app.css, then it scrolls inside
        grid.setEmptyStateText("No sweeps yet: pick a preset under New sweep (or paste a lab link as the base), "
                + "check the estimate and press Run sweep.");
        refreshList();

        // the list after the form on a wide screen; on a phone first (app.css), above the long form
        Div intro = new Div(new H2("Sweeps"), new Paragraph("Heavy runs on the server's " + sweeps.threads()
                + " worker threads: cells run in parallel and are saved as they finish, so a restart loses none."));
        intro.addClassName("sweeps-intro");
        H3 mine = new H3("My sweeps");
        VerticalLayout list = new VerticalLayout(mine, grid);
        list.setPadding(false);
        list.setWidthFull();
        list.setId("sweeps-list");
        list.addClassName("sweeps-list");
        add(intro, card, list);
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
            // the first built-in sweep's first axis, on this experiment
            SweepAxis first = SweepPresets.all().get(0).definition().x();
            title.setValue("Sweep of my experiment");
            base.setValue(given.get(0));
            x.setValue(first.format());
            yKey.clear();
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
        baseFrom.clear();
        base.setValue(SpecCodec.format(d.base()));
        x.setValue(d.x().format());
        if (d.y() == null) {
            yKey.clear();
            y.setValue("");
        } else {
            y.setValue(d.y().format());
        }
        trials.setValue(d.trialsPerCell());
        seeds.setValue(d.seeds());
        estimate();
    }

    static final String BASE_HELP = "Any lab spec or lab link";

    /**
     * The base field's help: its value of each swept key is not used, each cell takes it from the axis. The base is a
     * whole experiment (every key has a value), like the CLI's --from/--preset base, so this is shown rather than
     * refused; the rule is the core's ({@link SweptKeys}), which refuses a value given on its own (a CLI override).
     */
    static String baseHelp(ExperimentSpec spec, List<SweepAxis> axes) {
        List<String> notUsed = SweptKeys.replaced(spec, axes);
        return notUsed.isEmpty() ? BASE_HELP : BASE_HELP + " \u00b7 " + String.join("; ", notUsed);
    }

    /** The base spec, the axes (each checked on its own) and the trials, as typed; null when something is wrong. */
    private record FormInput(ExperimentSpec spec, List<SweepAxis> axes, int trials) {
    }

    /** Reads and checks the form, putting each problem next to its field; null when something is wrong. */
    private FormInput input() {
        for (var f : List.of(base, x, y)) {
            f.setInvalid(false);
        }
        xKey.setInvalid(false);
        yKey.setInvalid(false);
        trials.setInvalid(false);
        base.setHelperText(BASE_HELP);
        ExperimentSpec spec;
        try {
            spec = SpecCodec.parse(SessionService.canonical(base.getValue()));
        } catch (SpecException e) {
            return fail(base, e.getMessage());
        }
        if (xKey.getValue() == null) {
            xKey.setErrorMessage("pick the key to sweep");
            xKey.setInvalid(true);
            estimate.setText("");
            return null;
        }
        List<SweepAxis> axes = new ArrayList<>();
        SweepAxis ax = axis(spec, xKey.getValue(), x);
        if (ax == null) {
            return null;
        }
        axes.add(ax);
        if (yKey.getValue() != null) {
            SweepAxis ay = axis(spec, yKey.getValue(), y);
            if (ay == null) {
                return null;
            }
            axes.add(ay);
        } else if (!y.getValue().isBlank()) {
            yKey.setErrorMessage("pick the key of axis 2, or clear its values");
            yKey.setInvalid(true);
            estimate.setText("");
            return null;
        }
        // the base's own values of the swept keys are not used: said at the base field (SweptKeys)
        base.setHelperText(baseHelp(spec, axes));
        if (trials.getValue() == null || trials.getValue() < 1) {
            trials.setErrorMessage("trials per cell: a whole number from 1");
            trials.setInvalid(true);
            return null;
        }
        return new FormInput(spec, axes, trials.getValue());
    }

    /** Builds every cell (on Run only); a problem of the two axes together is shown on axis 2. */
    private SweepDefinition definition() {
        FormInput in = input();
        if (in == null) {
            return null;
        }
        try {
            return new SweepDefinition(in.spec(), in.axes(), in.trials(), seeds.getValue());
        } catch (SpecException e) {
            if (e.key().equals("trials")) {
                trials.setErrorMessage(e.getMessage());
                trials.setInvalid(true);
                return null;
            }
            // each axis was valid on its own (checked in input()): this is the two together, shown on axis 2
            return fail(y, "with axis 1: " + e.getMessage());
        }
    }

    /** One axis checked on its own: every value against the key's range, then each cell on the base spec. */
    private SweepAxis axis(ExperimentSpec spec, AxisKey key, TextField field) {
        if (field.getValue().isBlank()) {
            return fail(field, "give the values of " + key.name() + ": " + valuesHelp(key));
        }
        String keyProblem = typedKeyProblem(field.getValue());
        if (keyProblem != null) {
            return fail(field, keyProblem);
        }
        SweepAxis a;
        try {
            a = SweepAxis.parse(key.name() + "=" + field.getValue());
            for (String v : a.values()) {
                key.check(v);
            }
            new SweepDefinition(spec, List.of(a), 1, seeds.getValue());
        } catch (SpecException e) {
            return fail(field, e.getMessage());
        }
        return a;
    }

    private <T> T fail(TextField f, String message) {
        f.setErrorMessage(message);
        f.setInvalid(true);
        estimate.setText("");
        return null;
    }

    /** A base experiment to pick: a saved session or a lab preset, with its canonical spec. */
    record BaseChoice(String label, String spec) {
    }

    /**
     * A key that can be swept, from the key table (or an input weight aK of the batch layer's sweeps), with what the
     * form shows about it and the check of one value against its range.
     */
    record AxisKey(String name, String title, String help, String range, SpecKey key) {
        void check(String value) {
            if (key == null) {
                Numbers.parse(name, value);
                return;
            }
            switch (key.type()) {
                case INT -> key.checkStatic(Numbers.parseInt(name, value));
                case NUMBER -> key.checkStatic(Numbers.parse(name, value));
                case CHOICE -> {
                    for (SpecKey.Choice c : key.choices()) {
                        if (c.value().equals(value)) {
                            return;
                        }
                    }
                    throw new SpecException(name, name + " = '" + value + "' is not one of: " + key.rangeDoc());
                }
                default -> throw new SpecException(name, "'" + name + "' cannot be swept");
            }
        }
    }

    /**
     * The keys a sweep of this base spec can vary: every number or choice key of the table that applies to it and
     * that the sweep layer accepts (not the format version, trials or seed), then one input weight aK per memory
     * when the base has explicit-weights windows.
     */
    static List<AxisKey> axisKeys(ExperimentSpec spec) {
        List<AxisKey> out = new ArrayList<>();
        for (SpecKey k : SpecSchema.specKeys()) {
            boolean kind = k.type() == SpecKey.Type.INT || k.type() == SpecKey.Type.NUMBER
                    || k.type() == SpecKey.Type.CHOICE;
            if (!kind || !k.applies(spec) || k.min() == k.max()) {
                continue;
            }
            try {
                new SweepDefinition(spec, List.of(new SweepAxis(k.name(), List.of(k.text(spec)))), 1,
                        SeedPolicy.SAME);
            } catch (SpecException e) {
                continue; // the sweep layer refuses this key (trials, seed) or the base itself is off
            }
            String unit = k.unit().isEmpty() ? "" : ", " + k.unit();
            out.add(new AxisKey(k.name(), k.label() + " (" + k.name() + unit + ")", k.help(), k.rangeDoc(), k));
        }
        boolean weights = false;
        for (Window w : spec.schedule()) {
            weights |= w.kind() == Window.Kind.WEIGHTS;
        }
        if (weights) {
            for (int mu = 1; mu <= spec.p(); mu++) {
                String name = "a" + mu;
                out.add(new AxisKey(name, "Input weight of memory " + mu + " (" + name + ")",
                        "the weight of memory " + mu + " in every explicit-weights input window", "", null));
            }
        }
        return out;
    }

    static String valuesHelp(AxisKey k) {
        if (k == null) {
            return "";
        }
        if (k.key() != null && k.key().type() == SpecKey.Type.CHOICE) {
            return "comma-separated, from: " + k.range();
        }
        return (k.range().isEmpty() ? "" : "allowed: " + k.range() + " · ") + "v1,v2,… or from:to:count";
    }

    /** The key lists follow the base spec; a picked key that no longer applies is cleared with the reason. */
    private void updateKeys() {
        List<AxisKey> keys;
        try {
            keys = axisKeys(SpecCodec.parse(SessionService.canonical(base.getValue())));
        } catch (SpecException e) {
            return; // definition() puts the message under the base field
        }
        for (ComboBox<AxisKey> k : List.of(xKey, yKey)) {
            AxisKey was = k.getValue();
            k.setItems(keys);
            k.getElement().setAttribute("data-keys", String.join(",", keys.stream().map(AxisKey::name).toList()));
            AxisKey now = was == null ? null : keys.stream().filter(a -> a.name().equals(was.name())).findFirst()
                    .orElse(null);
            k.setValue(now);
            if (was != null && now == null) {
                SpecKey sk = SpecSchema.find(was.name());
                k.setErrorMessage("'" + was.name() + "' does not apply to this base spec"
                        + (sk == null || sk.whyNot().isEmpty() ? "" : " (" + sk.whyNot() + ")"));
                k.setInvalid(true);
            }
        }
    }

    /** "key=values" in a values field: picks the key from the list and keeps the values. */
    private void splitAxis(ComboBox<AxisKey> k, TextField field) {
        String t = field.getValue().trim();
        int eq = t.indexOf('=');
        if (eq <= 0 || !t.substring(0, eq).trim().matches("[A-Za-z][A-Za-z0-9]*")) {
            return;
        }
        String name = t.substring(0, eq).trim();
        AxisKey found;
        try {
            found = k.getListDataView().getItems().filter(a -> a.name().equals(name)).findFirst().orElse(null);
        } catch (IllegalStateException noItemsYet) {
            return; // no valid base spec yet: its field says why
        }
        if (found == null) {
            fail(field, typedKeyProblem(t));
            return;
        }
        k.setValue(found);
        field.setValue(t.substring(eq + 1).trim());
    }

    /**
     * For a values text still of the form "key=…" (a key that is not in the list was typed): why that key cannot be
     * swept here; null for a plain list of values.
     */
    private String typedKeyProblem(String text) {
        String t = text.trim();
        int eq = t.indexOf('=');
        if (eq <= 0 || !t.substring(0, eq).trim().matches("[A-Za-z][A-Za-z0-9]*")) {
            return null;
        }
        String name = t.substring(0, eq).trim();
        SpecKey sk = SpecSchema.find(name);
        return sk == null ? "'" + name + "' is not a key this sweep can vary; pick one from the list"
                : "'" + name + "' cannot be swept on this base spec"
                        + (sk.applies(baseOrDefault()) ? "" : " (" + sk.whyNot() + ")");
    }

    private ExperimentSpec baseOrDefault() {
        try {
            return SpecCodec.parse(SessionService.canonical(base.getValue()));
        } catch (SpecException e) {
            return ExperimentSpec.builder().build();
        }
    }

    /**
     * The cost line ({@link #cost}), and the Run button on only while the form's input is accepted; when it is off,
     * the reason is beside it (the field's own message stays under the field).
     */
    private SweepCost estimate() {
        SweepCost c = cost();
        String why = c != null ? "" : refusal();
        run.setEnabled(c != null);
        runWhy.setText(why);
        return c;
    }

    /**
     * Why the form's input is refused, in short: the first field marked wrong (its own message is under it), else
     * the refused estimate's line.
     */
    private String refusal() {
        List<com.vaadin.flow.component.Component> fields = List.of(base, xKey, x, yKey, y, trials);
        for (var f : fields) {
            if (f instanceof com.vaadin.flow.component.HasValidation v && v.isInvalid()) {
                return "Fix \u201c" + ((com.vaadin.flow.component.HasLabel) f).getLabel() + "\u201d above to run the "
                        + "sweep.";
            }
        }
        return estimate.getText().startsWith("Refused") ? "See the refusal above." : "Complete the form above.";
    }

    /**
     * The cost line, from the axes alone ({@code SweepLimits.check(base, axes, trials)}, O(|x| + |y|)): no cell is
     * built while typing; the cells are built once, on Run.
     */
    private SweepCost cost() {
        FormInput in = input();
        if (in == null) {
            return null;
        }
        try {
            SweepCost c = sweeps.limits().check(in.spec(), in.axes(), in.trials());
            String engine = sweeps.engineFor(c.runs());
            estimate.setText(engine.equals("local")
                    ? String.format(Locale.ROOT, "%d cells × %d trials = %d runs · about %s on %s",
                            c.cells(), in.trials(), c.runs(), duration(c.estimatedSeconds(sweeps.threads())),
                            SweepService.threadsInWords(sweeps.threads()))
                    : String.format(Locale.ROOT, "%d cells × %d trials = %d runs · runs on %s", c.cells(),
                            in.trials(), c.runs(), sweeps.engineText(engine)));
            estimate.removeClassName("refused");
            return c;
        } catch (SweepTooLargeException e) {
            estimate.setText("Refused: " + e.getMessage());
            estimate.addClassName("refused");
            trials.setErrorMessage(e.getMessage());
            trials.setInvalid(true);
            return null;
        } catch (SpecException e) {
            boolean onY = in.axes().size() > 1 && (in.axes().get(1).key().equals(e.key())
                    || e.getMessage().startsWith(in.axes().get(1).key() + "="));
            return fail(onY ? y : x, e.getMessage());
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
