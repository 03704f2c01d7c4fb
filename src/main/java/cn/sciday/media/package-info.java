/**
 * Media: uploaded files checked by their content (never by name or browser type), stored outside the web root
 * behind {@link cn.sciday.media.FileStorage}, with thumbnails for images, served with safe headers and the
 * organization scoping of their owner. Facade: {@link cn.sciday.media.Media}.
 */
package cn.sciday.media;
