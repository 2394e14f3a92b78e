package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.hopfieldlab.batch.sweep.CellResult;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepExport;
import org.hopfieldlab.batch.sweep.SweepJob;
import org.hopfieldlab.server.sweep.LiveSweep;
import org.hopfieldlab.batch.sweep.SweepResult;
import org.hopfieldlab.server.account.AppUser;
import org.hopfieldlab.server.security.CurrentUser;
import org.hopfieldlab.server.session.LabSession;
import org.hopfieldlab.server.session.SessionService;
import org.hopfieldlab.sim.spec.SpecCodec;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.hopfieldlab.server.sweep.SweepRecord;
import org.hopfieldlab.server.sweep.SweepService;

/** One sweep: live progress (server push), cancel, the chart, the table of its cells and CSV / JSON export. */
@Route("sweeps/:id")
@PageTitle("Sweep · Hopfield Lab")
@PermitAll
public class SweepDetailView extends VerticalLayout implements BeforeEnterObserver {
    private final SweepService sweeps;
    private final SessionService sessions;
    private final AppUser user;
    private final H2 title = new H2();
    private final HorizontalLayout statusBox = new HorizontalLayout();
    private final ProgressBar bar = new ProgressBar();
    private final Span progressText = new Span();
    /** Which engine runs the sweep: the server's threads or Apache Spark (its master). */
    private final Span engine = new Span();
    private final Button cancel = new Button("Cancel", VaadinIcon.STOP.create());
    private final SweepChart chart = new SweepChart();
    /** The numbers behind the chart, one row per finished cell: retrieved of how many windows, with the interval. */
    private final Grid<CellResult> cells = new Grid<>();
    /** The definition the table's columns were made for (its axes), so a refresh redraws only the rows. */
    private SweepDefinition cellsFor;
    private final Pre definition = new Pre();
    private long id;
    private Runnable unwatch = () -> { };
    private boolean watching;
    /** Re-reads the sweep every POLL_MS while it is unfinished, so a push lost or raced by the last writes is healed. */
    private Registration polling;
    static final int POLL_MS = 1000;
    private long lastChart;

    public SweepDetailView(SweepService sweeps, SessionService sessions, CurrentUser currentUser) {
        this.sweeps = sweeps;
        this.sessions = sessions;
        this.user = currentUser.require();
        addClassName("page");
        bar.setId("sweep-progress");
        bar.setWidthFull();
        progressText.setId("sweep-progress-text");
        progressText.addClassName("progress-text");
        engine.setId("sweep-engine");
        engine.addClassName("progress-text");
        cancel.setId("sweep-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(e -> {
            sweeps.cancel(user.id(), id);
            cancel.setEnabled(false);
        });
        statusBox.setId("sweep-status");
        definition.addClassName("definition");
        cells.setId("sweep-cells");
        cells.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        cells.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            SweepRecord r = sweeps.get(user.id(), id);
            build(r);
            // opened from the bottom of the long sweep form (Run sweep), the app layout's content kept that scroll
            // position: the page opened below its title, status and progress bar, now that the table makes it long
            getElement().executeJs("this.scrollIntoView({block: 'start'})");
            follow(event.getUI());
        } catch (NumberFormatException | SweepService.NotFoundException e) {
            removeAll();
            H2 h = new H2("Sweep not found");
            h.setId("sweep-missing");
            Paragraph why = new Paragraph("There is no sweep at this address that belongs to you: it may have been "
                    + "deleted, or the link is mistyped.");
            why.addClassName("empty");
            RouterLink back = new RouterLink("Back to my sweeps", SweepsView.class);
            back.setId("sweep-missing-back");
            add(h, why, back);
        }
    }

    private void build(SweepRecord r) {
        removeAll();
        title.setText(r.title());
        Anchor csv = new Anchor(download("csv"), "CSV");
        csv.setId("export-csv");
        Anchor json = new Anchor(download("json"), "JSON");
        json.setId("export-json");
        Span export = new Span("Export:");
        Button keep = new Button("Save to sessions", VaadinIcon.FOLDER_ADD.create(), e -> saveAsSession());
        keep.setId("sweep-save-session");
        keep.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout head = new HorizontalLayout(title, statusBox, export, csv, json, keep, cancel);
        head.setWidthFull();
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.expand(title);
        // on a phone the export links and buttons go below the title instead of off the screen's edge
        head.getStyle().set("flex-wrap", "wrap");
        definition.setText(r.definition());
        H3 table = new H3("Cells");
        Paragraph legend = new Paragraph("Retrieved: input windows (with a target) whose memory was retrieved, over "
                + "all trials of the cell; the interval is Wilson's 95 %.");
        legend.addClassName("hint");
        add(head, bar, progressText, engine, chart, table, legend, cells, commandLine(r));
        refresh(r, null);
    }

    /**
     * The sweep as a CLI command (same cells, same CSV), to re-run it or split it over a cluster's job array, with
     * the stored definition under it; closed until asked for.
     */
    private Details commandLine(SweepRecord r) {
        Paragraph how = new Paragraph("The same cells and the same CSV, byte for byte, with the command-line tool "
                + "(simulator/target/hopfield-cli.jar after the build). Add --shard i/K to run part i of K on a "
                + "cluster and join the parts with sweep merge (README, \u201cSweeps beyond one machine\u201d).");
        how.addClassName("hint");
        Pre command = new Pre(sweeps.commandLine(r));
        command.setId("sweep-cli");
        command.addClassName("definition");
        Paragraph stored = new Paragraph("Stored definition:");
        stored.addClassName("hint");
        Details d = new Details("Run this sweep from the command line", new Div(how, command, stored, definition));
        d.setId("sweep-cli-details");
        d.setWidthFull();
        return d;
    }

    private DownloadHandler download(String kind) {
        return event -> {
            SweepResult result = sweeps.result(user.id(), id);
            String text = kind.equals("csv") ? SweepExport.csv(result) : SweepExport.json(result);
            event.setFileName("sweep-" + id + "." + kind);
            event.setContentType(kind.equals("csv") ? "text/csv" : "application/json");
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            event.setContentLength(bytes.length);
            event.getOutputStream().write(bytes);
        };
    }

    /** Keeps the sweep's base spec with its results (JSON) as the snapshot of a new saved session. */
    private void saveAsSession() {
        SweepRecord r = sweeps.get(user.id(), id);
        SweepResult result = sweeps.result(user.id(), id);
        try {
            LabSession s = sessions.createWithSnapshot(user.id(), r.title(), "Sweep "
                    + SweepsView.axesOf(r.definition()) + ", " + r.cellsDone() + " of " + r.cellsTotal() + " cells.",
                    SpecCodec.format(result.definition().base()), SweepExport.json(result));
            Notification.show("Saved as session #" + s.id() + " with the results attached")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (SessionService.SizeLimitException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }


    /** The table of finished cells: a column per axis, then the counts, the fraction and its interval. */
    private void showCells(SweepResult result) {
        SweepDefinition d = result.definition();
        if (!d.equals(cellsFor)) {
            cellsFor = d;
            cells.removeAllColumns();
            cells.addColumn(c -> d.x().values().get(d.xIndex(c.cell()))).setHeader(SweepChart.axisTitle(d.x().key()))
                    .setAutoWidth(true);
            if (d.y() != null) {
                cells.addColumn(c -> d.y().values().get(d.yIndex(c.cell())))
                        .setHeader(SweepChart.axisTitle(d.y().key())).setAutoWidth(true);
            }
            cells.addColumn(c -> c.retrieved() + " of " + c.windows()).setHeader("Retrieved").setAutoWidth(true)
                    .setTextAlign(ColumnTextAlign.END).setPartNameGenerator(c -> "numeric");
            cells.addColumn(c -> percent(c.retrieved(), c.windows())).setHeader("Fraction").setAutoWidth(true)
                    .setTextAlign(ColumnTextAlign.END).setPartNameGenerator(c -> "numeric");
            cells.addColumn(c -> interval(c.ciLow(), c.ciHigh())).setHeader("95 % interval").setAutoWidth(true)
                    .setTextAlign(ColumnTextAlign.END).setPartNameGenerator(c -> "numeric");
            cells.addColumn(CellResult::trials).setHeader("Trials").setAutoWidth(true)
                    .setTextAlign(ColumnTextAlign.END).setPartNameGenerator(c -> "numeric");
            cells.addColumn(CellResult::diverged).setHeader("Diverged").setAutoWidth(true)
                    .setTextAlign(ColumnTextAlign.END).setPartNameGenerator(c -> c.diverged() > 0 ? "numeric diverged" : "numeric");
            // every row in the page up to a screenful or two; a big sweep scrolls inside the table
            cells.setAllRowsVisible(d.cellCount() <= 40);
            if (d.cellCount() > 40) {
                cells.setHeight("28rem");
            }
        }
        cells.setItems(result.cells());
    }

    /**
     * k of n as a percent, in whole percents except near an end, which it never reaches by rounding: "0 %" only when
     * none, "100 %" only when all; 199 of 200 is "99.5 %", not "100 %". "–" when there is nothing to count.
     */
    static String percent(int k, int n) {
        if (n <= 0) {
            return "\u2013";
        }
        return percentOf((double) k / n) + " %";
    }

    /** A Wilson interval in the same words: "74–99 %", "0–24 %", "99.7–99.99 %". */
    static String interval(double lo, double hi) {
        return percentOf(lo) + "\u2013" + percentOf(hi) + " %";
    }

    private static String percentOf(double f) {
        if (f <= 0) {
            return "0";
        }
        if (f >= 1) {
            return "100";
        }
        // the fewest decimals (up to 3) that keep a value strictly between the ends off them
        for (int decimals = 0; decimals <= 3; decimals++) {
            double scale = Math.pow(10, decimals);
            double v = Math.round(100 * f * scale) / scale;
            if (v > 0 && v < 100) {
                return String.format(Locale.ROOT, "%." + decimals + "f", v);
            }
        }
        return f < 0.5 ? "< 0.001" : "> 99.999";
    }

    static Span badge(String status) {
        Span s = new Span(status.toLowerCase(Locale.ROOT));
        s.getElement().getThemeList().add(switch (status) {
            case "COMPLETED" -> "badge success";
            case "FAILED" -> "badge error";
            case "CANCELLED" -> "badge contrast";
            default -> "badge";
        });
        return s;
    }

    /** Redraws status, progress and (at most once a second while running) the chart. */
    private void refresh(SweepRecord r, LiveSweep job) {
        engine.setText((r.finished() ? "Ran on " : "Runs on ") + sweeps.engineText(r.engine()));
        statusBox.removeAll();
        String status = job != null && running(job) && !r.finished() ? job.state().name() : r.status();
        statusBox.add(badge(status));
        long now = System.nanoTime();
        if (job != null && running(job)) {
            double frac = (double) job.runsDone() / Math.max(1, job.runsTotal());
            bar.setValue(Math.min(1, frac));
            double eta = job.etaSeconds();
            progressText.setText(String.format(Locale.ROOT, "%d / %d cells · %d / %d runs · %.1f runs/s · ETA %s · %d %%",
                    job.cellsDone(), job.cellsTotal(), job.runsDone(), job.runsTotal(), job.runsPerSecond(),
                    eta < 0 ? "…" : SweepsView.duration(eta), Math.round(100 * frac)));
            cancel.setVisible(true);
        } else {
            double frac = (double) r.cellsDone() / Math.max(1, r.cellsTotal());
            bar.setValue(frac);
            String partial = r.cellsPartial() == 0 ? "" : " · " + r.cellsPartial() + (r.cellsPartial() == 1
                    ? " cell" : " cells") + " partial (cut by the cancel; their finished trials are kept, see the "
                    + "trials column of the CSV)";
            progressText.setText(String.format(Locale.ROOT, "%d / %d cells · %d %%%s%s", r.cellsDone(), r.cellsTotal(),
                    Math.round(100 * frac), partial, r.error() != null ? " · " + r.error() : ""));
            cancel.setVisible(!r.finished());
        }
        if (job == null || !running(job) || now - lastChart > 1_000_000_000L) {
            lastChart = now;
            SweepResult result = sweeps.result(user.id(), id);
            chart.show(result);
            showCells(result);
        }
    }

    /** Still running (the job's end is recorded before its completion future fires). */
    private static boolean running(LiveSweep job) {
        return job.state() == SweepJob.State.RUNNING || job.state() == SweepJob.State.QUEUED;
    }

    /**
     * Follows the running job by server push. Called from beforeEnter and onAttach (their order is not fixed), so
     * it is idempotent; onDetach stops it.
     */
    private void follow(UI ui) {
        if (watching || id == 0) {
            return;
        }
        try {
            unwatch = sweeps.watch(user.id(), id, job -> ui.access(() -> {
                SweepRecord r = sweeps.get(user.id(), id);
                refresh(r, running(job) ? job : null);
            }));
            watching = true;
            sweeps.live(user.id(), id).ifPresent(job -> refresh(sweeps.get(user.id(), id), job));
            if (!sweeps.get(user.id(), id).finished()) {
                ui.setPollInterval(POLL_MS);
                polling = ui.addPollListener(e -> poll(ui));
            }
        } catch (SweepService.NotFoundException e) {
            // shown by beforeEnter
        }
    }

    /**
     * The push from the workers can arrive before the database has the last cell or the final status (the watcher
     * reads the record while the worker is still writing it), and nothing is pushed after that; a poll re-reads both.
     */
    private void poll(UI ui) {
        SweepRecord r;
        try {
            r = sweeps.get(user.id(), id);
        } catch (SweepService.NotFoundException gone) {
            stopPolling(ui); // deleted meanwhile: nothing left to follow
            return;
        }
        refresh(r, sweeps.live(user.id(), id).filter(SweepDetailView::running).orElse(null));
        if (r.finished()) {
            stopPolling(ui);
        }
    }

    private void stopPolling(UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        follow(event.getUI());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unwatch.run();
        watching = false;
        stopPolling(event.getUI());
    }
}
