package org.hopfieldlab.sim.exercise;

/**
 * One option of a multiple-choice task.
 *
 * @param id short id the answer names ("a", "b", …)
 * @param text Markdown shown to the student
 * @param correct marked right by the author
 * @param when null, or a condition on the task's run that makes this option the right one when it holds
 */
public record Choice(String id, String text, boolean correct, Condition when) {
}
