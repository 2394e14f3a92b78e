package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.function.Consumer;
import org.springframework.core.io.ClassPathResource;

/**
 * The in-browser lab (webapp's static bundle under /lab/) in an iframe. It talks to the lab only through the spec
 * in the iframe's URL and the lab's postMessage contract: {@code hopfield-lab:state} from the lab after each change,
 * {@code hopfield-lab:load} to it. If the bundle has no index.html yet, a notice stands in for it.
 */
public class LabFrame extends Div {
    public static final String LAB_PATH = "/lab/index.html";

    private final IFrame frame = new IFrame();
    private final boolean available;
    private Consumer<String> onState = s -> { };

    /** @param link the lab link's query (spec and view keys); {@code readOnly}: do not listen to the lab's state */
    public LabFrame(String link, boolean readOnly) {
        addClassName("lab-frame");
        available = bundlePresent();
        if (available) {
            frame.setSrc(src(link));
            frame.setId("lab-iframe");
            frame.getElement().setAttribute("title", "Hopfield Lab");
            frame.getElement().setAttribute("allow", "fullscreen");
            frame.setSizeFull();
            add(frame);
            if (!readOnly) {
                listen();
            }
        } else {
            Div notice = new Div(new Span("The in-browser lab is not in this build yet"),
                    new Paragraph("webapp/target/lab/index.html was missing when the server was built. The spec "
                            + "above is still what Save and Share use; the lab appears here once the webapp "
                            + "module ships its page."));
            notice.addClassName("lab-missing");
            notice.setId("lab-missing");
            add(notice);
        }
    }

    static boolean bundlePresent() {
        return new ClassPathResource("static/lab/index.html").exists();
    }

    public static String src(String link) {
        return LAB_PATH + "?" + link;
    }

    /** Reopens the lab on a link (the lab reads view keys such as hide and lock only when it starts). */
    public void open(String link) {
        if (available) {
            frame.setSrc(src(link));
        }
    }

    public boolean available() {
        return available;
    }

    /** Called with each spec the lab reports (raw text, not yet validated). */
    public void onState(Consumer<String> listener) {
        this.onState = listener;
    }

    /** Asks the running lab to load a spec (and points the iframe at it, for reloads). */
    public void load(String spec) {
        if (!available) {
            return;
        }
        frame.getElement().executeJs("const w = $0.contentWindow; if (w) { w.postMessage({type: "
                + "'hopfield-lab:load', spec: $1}, window.location.origin); }", frame.getElement(), spec);
    }

    private void listen() {
        // only messages from our own iframe, showing our own lab, count; the handler is dropped when the iframe
        // leaves the page
        getElement().executeJs("""
                const host = this, frame = $0;
                const handler = (e) => {
                  if (!frame.isConnected) { window.removeEventListener('message', handler); return; }
                  if (e.source !== frame.contentWindow || e.origin !== window.location.origin) return;
                  const d = e.data;
                  if (d && d.type === 'hopfield-lab:state' && typeof d.spec === 'string') host.$server.labState(d.spec);
                };
                window.addEventListener('message', handler);
                """, frame.getElement());
    }

    @ClientCallable
    private void labState(String spec) {
        onState.accept(spec);
    }
}
