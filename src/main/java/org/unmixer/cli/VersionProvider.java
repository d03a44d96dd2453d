package org.unmixer.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest, or the development marker when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"Neural Un-Mixer " + (v == null ? "0.1.0-SNAPSHOT (development build)" : v)};
    }
}
