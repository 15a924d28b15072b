<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BatchDialog</name>
    <message numerus="yes">
        <source>Leave out the %n invalid rows (they are not sent)</source>
        <translation>
            <numerusform>Leave out the %n invalid row (it is not sent)</numerusform>
            <numerusform>Leave out the %n invalid rows (they are not sent)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows for {provider}: {valid} valid, {invalid} invalid (their reasons are in the table). Nothing is sent while a row is invalid: fix the file and open it again, or leave those rows out.</source>
        <translation>
            <numerusform>%n row for {provider}: {valid} valid, {invalid} invalid (their reasons are in the table). Nothing is sent while a row is invalid: fix the file and open it again, or leave those rows out.</numerusform>
            <numerusform>%n rows for {provider}: {valid} valid, {invalid} invalid (their reasons are in the table). Nothing is sent while a row is invalid: fix the file and open it again, or leave those rows out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows for {provider}, all valid. Nothing has been sent yet.</source>
        <translation>
            <numerusform>%n row for {provider}, valid. Nothing has been sent yet.</numerusform>
            <numerusform>%n rows for {provider}, all valid. Nothing has been sent yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch #{id} stopped with %n rows not sent. {reason} Resume continues where it stopped; rows already paired are not sent again.</source>
        <translation>
            <numerusform>Batch #{id} stopped with %n row not sent. {reason} Resume continues where it stopped; rows already paired are not sent again.</numerusform>
            <numerusform>Batch #{id} stopped with %n rows not sent. {reason} Resume continues where it stopped; rows already paired are not sent again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n rows to {path}.</source>
        <translation>
            <numerusform>Saved %n row to {path}.</numerusform>
            <numerusform>Saved %n rows to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message numerus="yes">
        <source>%n consumers have this email: pick the right one.</source>
        <translation>
            <numerusform>%n consumer has this email: pick the right one.</numerusform>
            <numerusform>%n consumers have this email: pick the right one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message numerus="yes">
        <source>%n entries match.</source>
        <translation>
            <numerusform>%n entry matches.</numerusform>
            <numerusform>%n entries match.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries.</source>
        <translation>
            <numerusform>%n entry.</numerusform>
            <numerusform>%n entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to {path}.</source>
        <translation>
            <numerusform>Exported %n entry to {path}.</numerusform>
            <numerusform>Exported %n entries to {path}.</numerusform>
        </translation>
    </message>
</context>
</TS>
