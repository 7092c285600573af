package io.dsap.engine.types;

/** Order of the year, month and day fields in a numeric date. */
public enum DateOrder { YMD, DMY, MDY }
