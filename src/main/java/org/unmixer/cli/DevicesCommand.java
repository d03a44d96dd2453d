package org.unmixer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code unmixer devices}: the catalog of devices and parameters. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the devices and parameters the renderer knows (Live's names, ranges, units, defaults).")
final class DevicesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Parameters(arity = "0..1", paramLabel = "DEVICE", description = "Show only this device (e.g. \"Reverb\").")
    String only;

    @Override
    public Integer call() throws Exception {
        Catalog catalog = Catalog.standard();
        List<DeviceSpec> devices = only == null ? catalog.devices() : List.of(catalog.device(only));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(devices)));
        } else {
            for (DeviceSpec d : devices) {
                out.printf("%s (%s, %d parameters%s)%n", d.name(), d.kind().name().toLowerCase().replace('_', ' '),
                        d.params().size(), d.presets().isEmpty() ? "" : ", presets: " + String.join(", ", d.presets().keySet()));
                for (ParamSpec p : d.params()) {
                    out.printf("  %-28s %-44s default %s%s%n", p.name(), p.rangeText(), p.displayText(p.defaultValue()),
                            p.estimated() ? "  [estimated]" : "");
                }
            }
        }
        return ErrorReporter.OK;
    }

    private static ArrayNode toJson(List<DeviceSpec> devices) {
        ObjectMapper m = new ObjectMapper();
        ArrayNode arr = m.createArrayNode();
        for (DeviceSpec d : devices) {
            ObjectNode dn = arr.addObject();
            dn.put("device", d.name());
            dn.put("lomClass", d.lomClass());
            dn.put("kind", d.kind().name().toLowerCase());
            dn.set("presets", m.valueToTree(d.presets().keySet()));
            ArrayNode params = dn.putArray("params");
            for (ParamSpec p : d.params()) {
                ObjectNode pn = params.addObject();
                pn.put("name", p.name());
                if (p.isQuantized()) {
                    pn.set("items", m.valueToTree(p.items()));
                    pn.put("default", p.itemName(p.defaultValue()));
                } else {
                    pn.put("unit", p.unit());
                    pn.put("min", p.min());
                    pn.put("max", p.max());
                    pn.put("taper", p.taper().name().toLowerCase());
                    pn.put("default", p.defaultValue());
                }
                pn.put("lom", p.lom().name().toLowerCase());
                pn.put("lomMin", p.lomMin());
                pn.put("lomMax", p.lomMax());
                pn.put("xmlElement", p.xmlElement());
                pn.put("xmlMin", p.toXml(p.min()));
                pn.put("xmlMax", p.toXml(p.max()));
                pn.put("estimated", p.estimated());
            }
        }
        return arr;
    }
}
