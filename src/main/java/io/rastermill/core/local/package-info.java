/**
 * Local (cell-by-cell) operations. Each family documents its NoData rule; all dispatch the lane
 * once per tile and loop over primitive arrays. Stateless and thread-safe.
 */
package io.rastermill.core.local;
