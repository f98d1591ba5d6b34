package io.rastermill.core.geom;

import java.io.Serializable;

/**
 * A position in map units.
 *
 * @param x easting or longitude
 * @param y northing or latitude
 */
public record Point(double x, double y) implements Serializable {}
