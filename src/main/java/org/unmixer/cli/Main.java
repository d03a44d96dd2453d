package org.unmixer.cli;
public final class Main { public static void main(String[] a) {} }
