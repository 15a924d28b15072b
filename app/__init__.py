"""Pairing Wizard: pair customers' devices with the Xee, RUFUS and Zype clouds."""
