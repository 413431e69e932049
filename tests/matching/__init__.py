"""Tests of the framework-free matching library."""
