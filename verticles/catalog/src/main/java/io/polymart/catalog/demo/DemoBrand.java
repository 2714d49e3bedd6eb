package io.polymart.catalog.demo;

/** A demo brand (invented name, no real trademark). */
public record DemoBrand(String slug, String name) {}
